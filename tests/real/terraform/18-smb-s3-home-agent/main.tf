variable "password" {
  type      = string
  sensitive = true
}

resource "aws_datasync_agent" "laptop" {
  activation_key = "IRNBK-ULD0T-KMS6E-R8MN5-IRI5C"
  name           = "jason-mbp"
}

resource "aws_datasync_location_smb" "nas" {
  server_hostname = "192.168.1.66"
  subdirectory    = "/50-days-rust"
  user            = "jasoneisele"
  password        = var.password
  agent_arns      = [aws_datasync_agent.laptop.arn]
}

resource "aws_datasync_location_s3" "staging" {
  s3_bucket_arn = aws_s3_bucket.staging.arn
  subdirectory  = "sl1"

  s3_config {
    bucket_access_role_arn = aws_iam_role.staging.arn
  }
}

resource "aws_datasync_task" "upload" {
  name                     = "xfer_rust"
  source_location_arn      = aws_datasync_location_smb.nas.arn
  destination_location_arn = aws_datasync_location_s3.staging.arn

  options {
    bytes_per_second  = -1
    posix_permissions = "NONE"
    uid               = "NONE"
    gid               = "NONE"
  }
}
