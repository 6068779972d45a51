locals {
  accounts = { for account in var.storage_account_list : account.name => account }
}

resource "aws_datasync_location_azure_blob" "container" {
  for_each            = { for name, value in local.accounts : name => value if value.azure_blob != null }
  agent_arns          = [aws_datasync_agent.bridge.arn]
  authentication_type = "SAS"
  container_url       = "https://example.blob.core.windows.net/container"
}

resource "aws_datasync_location_smb" "files" {
  for_each        = { for name, value in local.accounts : name => value if value.smb != null }
  agent_arns      = [aws_datasync_agent.bridge.arn]
  password        = "example-password"
  server_hostname = "files.example.internal"
  subdirectory    = "/share"
  user            = "datasync"
}

resource "aws_datasync_location_s3" "from_blob" {
  for_each         = local.accounts
  s3_bucket_arn    = aws_s3_bucket.landing.arn
  s3_storage_class = var.s3_storage_class
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_location_s3" "from_smb" {
  for_each         = local.accounts
  s3_bucket_arn    = aws_s3_bucket.landing.arn
  s3_storage_class = var.s3_storage_class
  s3_config {
    bucket_access_role_arn = "arn:aws:iam::111122223333:role/datasync-bucket-access"
  }
  subdirectory = "/"
}

resource "aws_datasync_task" "files" {
  for_each                 = { for name, value in local.accounts : name => value if value.smb != null }
  source_location_arn      = aws_datasync_location_smb.files[each.key].arn
  destination_location_arn = aws_datasync_location_s3.from_smb[each.key].arn
  name                     = "${var.prefix}-${each.key}-smb"

  options {
    bytes_per_second       = -1
    verify_mode            = var.datasync_task_options["verify_mode"]
    posix_permissions      = var.datasync_task_options["posix_permissions"]
    preserve_deleted_files = var.datasync_task_options["preserve_deleted_files"]
    uid                    = var.datasync_task_options["uid"]
    gid                    = var.datasync_task_options["gid"]
    atime                  = var.datasync_task_options["atime"]
    mtime                  = var.datasync_task_options["mtime"]
  }
}

resource "aws_datasync_task" "blobs" {
  for_each                 = { for name, value in local.accounts : name => value if value.azure_blob != null }
  source_location_arn      = aws_datasync_location_azure_blob.container[each.key].arn
  destination_location_arn = aws_datasync_location_s3.from_blob[each.key].arn
  name                     = "${var.prefix}-${each.key}-blob"

  options {
    bytes_per_second       = -1
    verify_mode            = var.datasync_task_options["verify_mode"]
    posix_permissions      = var.datasync_task_options["posix_permissions"]
    preserve_deleted_files = var.datasync_task_options["preserve_deleted_files"]
    uid                    = var.datasync_task_options["uid"]
    gid                    = var.datasync_task_options["gid"]
    atime                  = var.datasync_task_options["atime"]
    mtime                  = var.datasync_task_options["mtime"]
  }
}
