locals {
  accounts = { for account in var.storage_account_list : account.name => account }
}

resource "aws_datasync_location_azure_blob" "container" {
  for_each            = { for name, value in local.accounts : name => value if value.azure_blob != null }
  agent_arns          = [aws_datasync_agent.bridge.arn]
  authentication_type = "SAS"
  container_url       = each.value.azure_blob.container_url

  sas_configuration {
    token = each.value.azure_blob.token
  }
}

resource "aws_datasync_location_smb" "files" {
  for_each        = { for name, value in local.accounts : name => value if value.smb != null }
  agent_arns      = [aws_datasync_agent.bridge.arn]
  server_hostname = each.value.smb.server_hostname
  subdirectory    = each.value.smb.subdirectory
  user            = each.value.smb.user
  password        = each.value.smb.password
}

resource "aws_datasync_location_s3" "from_blob" {
  for_each         = local.accounts
  s3_bucket_arn    = aws_s3_bucket.landing.arn
  subdirectory     = "/${each.key}/blob"
  s3_storage_class = var.s3_storage_class

  s3_config {
    bucket_access_role_arn = aws_iam_role.landing.arn
  }
}

resource "aws_datasync_location_s3" "from_smb" {
  for_each         = local.accounts
  s3_bucket_arn    = aws_s3_bucket.landing.arn
  subdirectory     = "/${each.key}/smb"
  s3_storage_class = var.s3_storage_class

  s3_config {
    bucket_access_role_arn = aws_iam_role.landing.arn
  }
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
