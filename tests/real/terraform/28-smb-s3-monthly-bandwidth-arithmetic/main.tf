resource "aws_datasync_agent" "office" {
  name       = "${var.project_name}-datasync-agent"
  ip_address = "0.0.0.0"
}

resource "aws_datasync_location_smb" "nas" {
  server_hostname = var.nas_smb_server
  subdirectory    = var.nas_smb_subdirectory
  user            = var.nas_smb_username
  password        = var.nas_smb_password
  domain          = var.nas_smb_domain
  agent_arns      = [aws_datasync_agent.office.arn]

  mount_options {
    version = "SMB3"
  }
}

resource "aws_datasync_location_s3" "index" {
  s3_bucket_arn = aws_s3_bucket.index.arn
  subdirectory  = "/files"

  s3_config {
    bucket_access_role_arn = aws_iam_role.index.arn
  }
}

resource "aws_cloudwatch_log_group" "sync" {
  name = "/aws/datasync/${var.project_name}"
}

resource "aws_datasync_task" "monthly" {
  name                     = "${var.project_name}-monthly-batch-sync"
  source_location_arn      = aws_datasync_location_smb.nas.arn
  destination_location_arn = aws_datasync_location_s3.index.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.sync.arn

  options {
    verify_mode                    = "POINT_IN_TIME_CONSISTENT"
    transfer_mode                  = "CHANGED"
    preserve_deleted_files         = "REMOVE"
    preserve_devices               = "NONE"
    posix_permissions              = "NONE"
    bytes_per_second               = var.datasync_bandwidth_limit * 1000000 / 8
    task_queueing                  = "ENABLED"
    log_level                      = "TRANSFER"
    overwrite_mode                 = "ALWAYS"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    uid                            = "NONE"
    gid                            = "NONE"
    security_descriptor_copy_flags = "NONE"
  }

  schedule {
    schedule_expression = "cron(0 2 1 * ? *)"
  }

  tags = {
    Name = "${var.project_name}-datasync-task"
  }
}
